#pragma once

#include <QString>

// A full disk for a test: a small tmpfs (64 KiB unless told) mounted on a directory and filled
// with dd until only freeBytes (whole 4 KiB pages) are left, so that a write fails with ENOSPC
// partway; fillUp() takes the rest later. Needs root (mount); the test QSKIPs when isRoot() is
// false. Unmounted when the fixture goes, whatever the test did. The filler is the file
// "filler".
class FullDiskFixture
{
public:
    FullDiskFixture() = default;
    FullDiskFixture(const FullDiskFixture &) = delete;
    FullDiskFixture &operator=(const FullDiskFixture &) = delete;
    ~FullDiskFixture();

    static bool isRoot();
    static constexpr qint64 DefaultSizeBytes = 64 * 1024;

    // Creates directory, mounts and fills it; false, with why, when it cannot.
    bool mount(const QString &directory, qint64 freeBytes, QString *error,
               qint64 sizeBytes = DefaultSizeBytes);
    void fillUp(); // the filler grows until the file system has no room left
    bool unmount();
    QString path() const { return m_path; }

private:
    QString m_path;
    bool m_mounted = false;
};
