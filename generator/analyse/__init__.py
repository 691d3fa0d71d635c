"""Analysis of the document model: paragraph alignment, word diffs, topics and comparisons.

The public entry points are :func:`generator.analyse.compare.compare_resolutions`,
:func:`generator.analyse.compare.comparison_to_dict` and :func:`generator.analyse.compare.plan_comparisons`.
"""
