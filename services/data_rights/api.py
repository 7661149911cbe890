"""What the runtime may ask of data rights: the retention job."""

from services.data_rights.retention import keep_within as keep_within
