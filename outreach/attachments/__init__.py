"""Files attached to records: what kind of file a name and its bytes are, the text the
search reads from them, and private copies to open with the system's viewer. The rows
themselves are kept by `outreach.services.attachments`."""
