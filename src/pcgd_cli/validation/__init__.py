"""Match raw sheets to the rule sets' columns, coerce values, join, collect findings.

Import the modules themselves (``validation.table``, ``validation.catalog``): the
catalogue is light, the table builder needs pandas, and ``pcgd template`` should
not pay for pandas.
"""
