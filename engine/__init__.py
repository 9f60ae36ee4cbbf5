"""Domain-free GraphQL machinery: context, ids, connections, relations, mutation payloads,
permissions, node, the executor, limits, error masking."""
