"""`kg serve` as a small linked-data site on Starlette and uvicorn (kg/serve.py is the entry point).

pool.py runs queries in worker processes (time, memory and size limits); protocol.py is the SPARQL
Protocol's side (formats, the SERVICE guard); cache.py keeps what pages compute until the store changes;
terms.py shows terms (labels, short IRIs); pages.py builds the HTML; app.py routes requests and guards
them. graph-layout.md explains the store's named graphs (the query page and README point to it).
"""
