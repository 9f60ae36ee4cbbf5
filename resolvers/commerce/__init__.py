"""Commerce use cases. Importing the package registers commerce's grants in the lower
domains' access rules (grants.py)."""

from resolvers.commerce import grants as grants
