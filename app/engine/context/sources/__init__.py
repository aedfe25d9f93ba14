"""The option sources, one module each (or one per close family): each defines its `Source` and how
it proposes options. `..registry` lists them all, in the order a written word is asked about."""
