// app library: sources added by the viewer work (issue 4).
