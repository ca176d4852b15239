"""Drafting help from the office's own language model (issue 28): the endpoint's settings, the
prompts of each task, the streamed answer, and every figure of it checked against the report's
data. Sits above `drafting/` (a taken answer is an edit) and below the faces; `openai` is
imported only when a request is made."""
