"""Training of vnplan's models, apart from the runtime: the runtime never imports this package."""
