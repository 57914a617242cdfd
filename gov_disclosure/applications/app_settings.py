"""Settings of the disclosure-on-application app (optional; docs/reference/settings.md)."""

from gov_disclosure.app_settings import (
    Setting,
    app_settings,
    boolean,
    non_empty_str,
    non_negative_int,
    positive_int,
    register,
)

register(
    # Regulations on the Disclosure of Government Information (2019), Art. 33: a reply within
    # 20 working days of receipt, extendable once by up to 20 working days.
    Setting("APPLICATION_REPLY_DAYS", 20, positive_int),
    Setting("APPLICATION_MAX_EXTENSION_DAYS", 20, positive_int),
    # Art. 30: a request for clarification goes out within 7 working days of receipt.
    Setting("APPLICATION_CLARIFICATION_DAYS", 7, positive_int),
    # Art. 32: a third party has 15 working days to answer; that time does not count.
    Setting("APPLICATION_THIRD_PARTY_DAYS", 15, positive_int),
    # Tracking numbers: prefix + year + a sequence number.
    Setting("APPLICATION_NUMBER_PREFIX", "YSQ", non_empty_str),
    Setting("APPLICATION_DESCRIPTION_MAX_LENGTH", 3000, positive_int),
    Setting("APPLICATION_FILE_MAX_BYTES", 20 * 1024 * 1024, positive_int),
    Setting("APPLICATION_RATE_LIMIT", 5, positive_int),
    Setting("APPLICATION_RATE_WINDOW", 3600, positive_int),
    # Failed look-ups of a request's status from one address before it must wait.
    Setting("APPLICATION_STATUS_RATE_LIMIT", 20, positive_int),
    # The information-processing fee charged per request (国办函〔2020〕109号, 按件计收): free
    # up to FEE_FREE_PER_MONTH requests a month per applicant, FEE_BASE_YUAN each up to the
    # FEE_BASE_LIMIT-th, then FEE_STEP_YUAN more for each further band of FEE_BAND_SIZE.
    Setting("APPLICATION_FEES_ENABLED", True, boolean),
    # The time from the fee notice to the payment is left out of the time limit (国办函〔2020〕
    # 109号, as this product reads it; an agency whose legal office reads it otherwise sets False).
    Setting("APPLICATION_FEE_PERIOD_NOT_COUNTED", True, boolean),
    Setting("APPLICATION_FEE_FREE_PER_MONTH", 10, non_negative_int),
    Setting("APPLICATION_FEE_BASE_LIMIT", 30, positive_int),
    Setting("APPLICATION_FEE_BASE_YUAN", 100, non_negative_int),
    Setting("APPLICATION_FEE_BAND_SIZE", 10, positive_int),
    Setting("APPLICATION_FEE_STEP_YUAN", 100, non_negative_int),
)

__all__ = ["app_settings"]
