"""coordgap dashboards: the offline HTML reliability-leak report and Grafana
dashboards. Renders only the data it is given; never queries storage itself."""

from __future__ import annotations
