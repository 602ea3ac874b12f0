"""Each notebook's own diagrams, one module per notebook (shared drawing primitives live in course.kernel.plots)."""
