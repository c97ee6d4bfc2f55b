#pragma once

#include <QString>

// Where a loader error points, taken apart so the settings editor can find the widget for it:
// "$.targets[2].check.expect_status[0]" is block "targets", element 2, field
// "check.expect_status", entry 0; "$.cache" is block "cache" with no element and no field;
// "$" has no block at all.
struct ConfigFieldPath
{
    QString block; // a top-level key, empty for "$"
    int element = -1; // index into the block's array, -1 when the path stops before one
    QString field; // the key (dotted below the element), empty for the element or block itself
    int entry = -1; // index into the field's array, -1 when the path stops at the field

    static ConfigFieldPath parse(const QString &path);
};
