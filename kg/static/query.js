// The query page of `kg serve`: YASGUI on this server's endpoint, the named queries as examples.
// Offline by design: no remote autocompleters (prefix.cc, LOV), no endpoint catalogue, nothing saved
// between visits (each visit starts clean).
(function () {
  var examples = JSON.parse(document.getElementById("kg-examples").textContent);
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  var endpoint = new URL("/sparql", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST", acceptHeaderSelect: "application/sparql-results+json",
                     acceptHeaderGraph: "text/turtle" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    populateFromUrl: true,  // a Share link (query and endpoint in the URL) opens that query; CSP keeps it here
    yasqe: { value: examples.length ? examples[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10" }
  });
  window.yasgui = yasgui;
  window.kgRunExample = function (i) {
    var tab = yasgui.getTab();
    tab.setEndpoint(endpoint);
    tab.setQuery(examples[i].query);
    tab.query();
  };
  document.querySelectorAll("button[data-example]").forEach(function (b) {
    b.addEventListener("click", function () { window.kgRunExample(Number(b.getAttribute("data-example"))); });
  });
})();
