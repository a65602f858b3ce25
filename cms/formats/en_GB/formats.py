# Dates editors and readers cannot misread: "1 Dec 2026, 09:30", never
# "01/12/2026", which reads as January in some countries and December in others.
# Forms show ISO dates (2026-12-01) and accept the other common forms too.

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2026-12-01
    "%d %b %Y",  # 01 Dec 2026
    "%d %B %Y",  # 01 December 2026
    "%d/%m/%Y",  # 01/12/2026, read the British way
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    f"{date} {time}" for date in DATE_INPUT_FORMATS for time in TIME_INPUT_FORMATS
]
