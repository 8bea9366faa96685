"""The decision core: registry, knowledge base, profile, weights, scoring, evaluation, its charts and tables."""
