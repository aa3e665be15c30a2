// Starts GraphiQL against this server: queries and mutations over `POST /graphql`, subscriptions
// over `/graphql/ws` (graphql-transport-ws; GraphiQL's bundled graphql-ws client). The headers
// entered in GraphiQL's "Headers" tab (`{"Authorization": "Bearer <token>"}`) go with every HTTP
// request and, as the `connection_init` payload, with every subscription's WebSocket.
(function () {
  'use strict';
  var origin = window.location.origin;

  var fetcher = GraphiQL.createFetcher({
    url: origin + '/graphql',
    subscriptionUrl: origin.replace(/^http/, 'ws') + '/graphql/ws',
  });

  var defaultQuery = [
    '# 威海市技工教育集团（联盟）API — Weihai Technical Education Group (Alliance) API',
    '#',
    '# 匿名即可查询公开的成员名录。以某单位身份操作时，先运行 login 变更，',
    '# 再在下方 "Headers" 中填入 {"Authorization": "Bearer <token>"}。',
    '# Anonymous callers read the public member registry. To act for a unit, run the',
    '# `login` mutation and put {"Authorization": "Bearer <token>"} in the Headers tab below.',
    '#',
    '# 文档 / Docs: the book icon at the top left.',
    '',
    'query FirstMembers {',
    '  memberUnits(first: 10, orderBy: { field: NAME, direction: ASC }) {',
    '    totalCount',
    '    pageInfo { hasNextPage endCursor }',
    '    nodes { id name kind district }',
    '  }',
    '}',
    '',
  ].join('\n');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: true,
    })
  );
})();
