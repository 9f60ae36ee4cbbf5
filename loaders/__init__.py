"""Per-request DataLoaders, one module per domain. Named `<Thing>By<Key>Loader`."""
