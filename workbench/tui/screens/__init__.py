"""The screens: the list of reports (home), one report (report), versions, year against year."""
