"""One error type for every refusal; the API turns it into {"detail": ..., "code": ...} with its status."""

STATUS = {
    "invalid": 400,
    "invalid_characters": 400,
    "empty": 400,
    "too_long": 400,
    "bad_cursor": 400,
    "own_comment": 400,
    "login_required": 403,
    "forbidden": 403,
    "sanctioned": 403,
    "thread_closed": 403,
    "edit_window_passed": 403,
    "not_found": 404,
    "duplicate": 409,
    "already_appealed": 409,
    "already_reported": 409,
    "conflict": 409,
    "too_large": 413,
    "rate_limited": 429,
}


class CommentError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def status(self):
        return STATUS.get(self.code, 400)
