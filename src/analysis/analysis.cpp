// analysis library: sources added by the rings work (issue 5).
