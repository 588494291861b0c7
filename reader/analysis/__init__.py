"""The single analysis of a corpus: articles in; quotes, provenance and facts out, each once.

`pipeline.analyse_corpus` is the only entry point; `steps` declares what each step reads and
gives; `store` keeps every result on disk under one version; `processes` decides whether work
runs here or in child processes. The search index and the window consume the result.
"""
