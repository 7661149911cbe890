// Starts GraphiQL against /graphql with the browser's session: the cookie goes along on its own, but a signed-in
// browser must echo its CSRF token on POST (as the web app's api.js does); subscriptions use the same path.
const csrf = document.cookie.split('; ').find((pair) => pair.startsWith('commons_csrf='));
const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
const fetcher = window.GraphiQL.createFetcher({
  url: '/graphql',
  headers: csrf ? { 'x-csrf-token': decodeURIComponent(csrf.slice('commons_csrf='.length)) } : {},
  wsClient: window.graphqlWs.createClient({ url: `${scheme}://${window.location.host}/graphql` }),
});
window.ReactDOM.render(
  window.React.createElement(window.GraphiQL, { fetcher, defaultQuery: '{ __typename }\n' }),
  document.getElementById('graphiql'),
);
