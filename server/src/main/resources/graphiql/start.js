// Starts GraphiQL against this portal's endpoint; every asset comes from the portal itself.
(function () {
  var endpoint = new URL('graphql', document.baseURI).toString();
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var defaultQuery = [
    '# 青田县“扩中”“提低”行动方案的公共 API / The Qingtian plan\'s public API',
    '{',
    '  currentRelease { number version }',
    '  plans { nodes { id title title_en: title(lang: EN) documentNumber } }',
    '  measures(kind: PATH, first: 5) {',
    '    totalCount',
    '    nodes { code title departments { edges { role node { name } } } }',
    '  }',
    '}',
    ''
  ].join('\n');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery }));
})();
