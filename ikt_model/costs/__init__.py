"""Cost sharing between member municipalities (report 2.8): the input, the split, its tables and its chart."""
