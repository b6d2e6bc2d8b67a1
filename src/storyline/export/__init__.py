"""Outputs: the store's tables as files (``tables``) and documents in the evaluation format
(``eval_format``)."""
