#include "grounding/trajectory_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>

namespace cxr::grounding {

namespace {

constexpr char kMagic[8] = {'C', 'X', 'R', 'G', 'T', 'R', 'J', '1'};
constexpr uint32_t kVersion = 1;
constexpr const char* kSuffix = ".traj";

bool makeDirs(const std::string& dir) {
    std::string cur;
    for (size_t i = 0; i <= dir.size(); ++i) {
        if (i == dir.size() || dir[i] == '/') {
            if (!cur.empty() && ::mkdir(cur.c_str(), 0755) != 0 && errno != EEXIST) return false;
        }
        if (i < dir.size()) cur += dir[i];
    }
    struct stat st;
    return ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Entry {
    std::string path;
    uint64_t size;
    struct timespec mtime;
};

std::vector<Entry> entries(const std::string& dir, bool withTemporaries = false) {
    std::vector<Entry> out;
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        const bool entry = endsWith(name, kSuffix);
        const bool temporary = name.rfind(".tmp-", 0) == 0;
        if (!entry && !(withTemporaries && temporary)) continue;
        const std::string path = dir + "/" + name;
        struct stat st;
        if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        out.push_back({path, uint64_t(st.st_size), st.st_mtim});
    }
    ::closedir(d);
    return out;
}

void put32(std::string& b, uint32_t v) {
    for (int i = 0; i < 4; ++i) b += char((v >> (8 * i)) & 0xff);
}
void put64(std::string& b, uint64_t v) {
    for (int i = 0; i < 8; ++i) b += char((v >> (8 * i)) & 0xff);
}
uint32_t get32(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
uint64_t get64(const unsigned char* p) { return uint64_t(get32(p)) | uint64_t(get32(p + 4)) << 32; }

bool writeAll(int fd, const char* p, size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return true;
}

}  // namespace

uint64_t TrajectoryCache::fnv1a(const void* data, size_t n, uint64_t h) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

std::string TrajectoryCache::hex(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string TrajectoryKey::text() const {
    return "image=" + imageHash + ";model=" + modelFingerprint + ";steps=" + std::to_string(steps) + ";precision=" +
           precision + ";device=" + deviceClass;
}

std::string TrajectoryKey::fileName() const {
    const std::string t = text();
    return TrajectoryCache::hex(TrajectoryCache::fnv1a(t.data(), t.size())) +
           TrajectoryCache::hex(TrajectoryCache::fnv1a(t.data(), t.size(), 0x84222325cbf29ce4ull)) + kSuffix;
}

TrajectoryCache::TrajectoryCache(std::string dir, uint64_t maxBytes) : dir_(std::move(dir)), maxBytes_(maxBytes) {
    while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
}

std::string TrajectoryCache::defaultDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return std::string(xdg) + "/cxr-ground/trajectories";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : "/tmp") + "/.cache/cxr-ground/trajectories";
}

bool TrajectoryCache::load(const TrajectoryKey& key, TrajectoryStates* out, std::string* why) const {
    const std::string path = dir_ + "/" + key.fileName();
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::string data;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    const bool readError = std::ferror(f) != 0;
    std::fclose(f);
    auto reject = [&](const std::string& reason) {
        if (why) *why = path + ": " + reason + "; the entry is removed and rebuilt";
        ::unlink(path.c_str());
        return false;
    };
    if (readError) return reject("read error");
    const auto* p = reinterpret_cast<const unsigned char*>(data.data());
    const size_t size = data.size();
    if (size < 8 + 8 + 16 + 8 || std::memcmp(p, kMagic, 8) != 0) return reject("not a trajectory file");
    if (get32(p + 8) != kVersion) return reject("format version " + std::to_string(get32(p + 8)) + ", this program reads 1");
    const uint32_t keyLen = get32(p + 12);
    if (keyLen > 4096 || 16 + size_t(keyLen) + 16 + 8 > size) return reject("truncated header");
    if (data.compare(16, keyLen, key.text()) != 0) return reject("written for another image or model (hash collision)");
    const unsigned char* h = p + 16 + keyLen;
    const uint32_t c = get32(h), hh = get32(h + 4), w = get32(h + 8), count = get32(h + 12);
    const uint64_t per = uint64_t(c) * hh * w;
    if (c == 0 || hh == 0 || w == 0 || per > (1u << 24) || count > 100000) return reject("implausible sizes");
    const size_t body = 16 + size_t(keyLen) + 16;
    if (uint64_t(size) != body + per * count * 4 + 8) return reject("truncated or oversized");
    if (get64(p + size - 8) != fnv1a(p, size - 8)) return reject("checksum mismatch (damaged)");
    out->channels = int(c);
    out->height = int(hh);
    out->width = int(w);
    out->states.assign(count, std::vector<float>(per));
    for (uint32_t i = 0; i < count; ++i) std::memcpy(out->states[i].data(), p + body + size_t(i) * per * 4, per * 4);
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);  // recently used
    return true;
}

bool TrajectoryCache::store(const TrajectoryKey& key, const TrajectoryStates& s, std::string* error) const {
    if (s.states.empty()) return true;
    const size_t per = size_t(s.channels) * size_t(s.height) * size_t(s.width);
    for (const auto& x : s.states)
        if (x.size() != per) {
            *error = "trajectory states of different sizes";
            return false;
        }
    if (!makeDirs(dir_)) {
        *error = dir_ + ": cannot create the trajectory cache folder (" + std::strerror(errno) + ")";
        return false;
    }
    const std::string path = dir_ + "/" + key.fileName();
    struct stat st;
    const std::string k = key.text();
    const uint64_t wanted = 16 + k.size() + 16 + uint64_t(per) * s.states.size() * 4 + 8;
    if (::stat(path.c_str(), &st) == 0 && uint64_t(st.st_size) >= wanted) return true;  // holds as many already
    std::string b;
    b.reserve(size_t(wanted));
    b.append(kMagic, 8);
    put32(b, kVersion);
    put32(b, uint32_t(k.size()));
    b += k;
    put32(b, uint32_t(s.channels));
    put32(b, uint32_t(s.height));
    put32(b, uint32_t(s.width));
    put32(b, uint32_t(s.states.size()));
    for (const auto& x : s.states) b.append(reinterpret_cast<const char*>(x.data()), per * 4);
    put64(b, fnv1a(b.data(), b.size()));
    std::random_device rd;
    const std::string tmp = dir_ + "/.tmp-" + hex((uint64_t(rd()) << 32) ^ rd() ^ uint64_t(::getpid()));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = dir_ + ": cannot write to the trajectory cache (" + std::strerror(errno) + ")";
        return false;
    }
    const bool ok = writeAll(fd, b.data(), b.size()) && ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        *error = path + ": cannot write the trajectory (" + std::strerror(ok ? errno : savedErrno) + ")";
        return false;
    }
    trimTo(maxBytes_);
    return true;
}

uint64_t TrajectoryCache::sizeBytes(int* count) const {
    uint64_t total = 0;
    const auto es = entries(dir_);
    for (const Entry& e : es) total += e.size;
    if (count) *count = int(es.size());
    return total;
}

void TrajectoryCache::trimTo(uint64_t bytes) const {
    std::vector<Entry> es = entries(dir_);
    uint64_t total = 0;
    for (const Entry& e : es) total += e.size;
    if (total <= bytes) return;
    std::sort(es.begin(), es.end(), [](const Entry& a, const Entry& b) {
        return a.mtime.tv_sec != b.mtime.tv_sec ? a.mtime.tv_sec < b.mtime.tv_sec : a.mtime.tv_nsec < b.mtime.tv_nsec;
    });
    for (const Entry& e : es) {
        if (total <= bytes) break;
        if (::unlink(e.path.c_str()) == 0 || errno == ENOENT) total -= e.size;  // another process may have removed it
    }
}

bool TrajectoryCache::clear(std::string* error) const {
    bool ok = true;
    const time_t now = ::time(nullptr);
    for (const Entry& e : entries(dir_, /*withTemporaries=*/true)) {
        // A temporary file younger than ten minutes may be another process's write in progress.
        if (!endsWith(e.path, kSuffix) && now - e.mtime.tv_sec < 600) continue;
        if (::unlink(e.path.c_str()) != 0 && errno != ENOENT) {
            ok = false;
            if (error) *error = e.path + ": cannot remove (" + std::strerror(errno) + ")";
        }
    }
    return ok;
}

}  // namespace cxr::grounding
