#pragma once

#include <QIcon>

// DNS Watch's icon, drawn in code at every size a desktop asks for (crisp on HiDPI screens, no
// image plugin needed): a green disc, a white check mark, and "DNS" where there is room.
QIcon applicationIcon();
QPixmap applicationIconPixmap(int size);
