# The same unambiguous, 24-hour style for the English interface.
DATE_FORMAT = "Y/m/d"
DATETIME_FORMAT = "Y/m/d [H:i]"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d [H:i]"
