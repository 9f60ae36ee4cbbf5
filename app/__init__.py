"""The web edge: the GraphQL HTTP view, WebSockets, GraphiQL, persisted queries, health."""
