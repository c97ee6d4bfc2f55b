#pragma once

#include <QByteArrayView>

// Whether a request's Accept-Encoding header (RFC 9110, 12.5.3) takes gzip: "gzip" (or
// "x-gzip") with a q-value above 0, or "*" above 0 when gzip is not named. "gzip;q=0" refuses
// it; a q-value that does not parse counts as a refusal; names are case-insensitive.
bool acceptsGzip(QByteArrayView acceptEncoding);
