# Dates as Korean newsrooms print them (입력 2020/08/06 [16:06]), in the admin too.
DATE_FORMAT = "Y/m/d"
DATETIME_FORMAT = "Y/m/d [H:i]"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y/m/d"
SHORT_DATETIME_FORMAT = "Y/m/d [H:i]"
MONTH_DAY_FORMAT = "n월 j일"
YEAR_MONTH_FORMAT = "Y년 n월"
