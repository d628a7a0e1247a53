// The persistent inversion-trajectory cache (docs/method.md "Window": the trajectory does not
// depend on the prompt). One file per (image, model, step count, precision, device class) holds
// every state x_0 .. x_k computed so far, so any later window inside it needs no UNet call, even
// in another process or after a restart. Plain C++ (no LibTorch).
//
// File format, version 1 (little endian):
//   "CXRGTRJ1"                       8 bytes magic
//   u32 version (1), u32 key length, key bytes (TrajectoryKey::text(), checked on read)
//   u32 channels, u32 height, u32 width, u32 count
//   count * channels * height * width float32 states, in order x_0 .. x_{count-1}
//   u64 FNV-1a of every byte before it
// Writes go to a temporary file in the same folder and are renamed over the entry, so readers
// (other processes sharing the folder) see the old or the new file, never a part. A damaged,
// truncated, foreign or old-version entry is removed and rebuilt, never trusted. The folder is
// kept under a size bound by removing the least recently used entries (access time = mtime,
// touched on every read).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cxr::grounding {

struct TrajectoryKey {
    std::string imageHash;         // of the preprocessed 512 x 512 input (hex)
    std::string modelFingerprint;  // of the model files (hex)
    int steps = 0;
    std::string precision;         // "fp32", "bf16", "fp16"
    std::string deviceClass;       // "cpu" or "cuda"
    std::string text() const;      // every field, as stored in the file
    std::string fileName() const;  // a hash of text() + ".traj"
};

struct TrajectoryStates {
    int channels = 0, height = 0, width = 0;
    std::vector<std::vector<float>> states;  // x_0 .. x_k, channels*height*width each
};

class TrajectoryCache {
public:
    // dir: the folder (created when needed); maxBytes: the size bound of the folder's entries.
    TrajectoryCache(std::string dir, uint64_t maxBytes);
    // $XDG_CACHE_HOME/cxr-ground/trajectories, else ~/.cache/cxr-ground/trajectories.
    static std::string defaultDir();
    static constexpr uint64_t kDefaultMaxBytes = 2ull << 30;  // 2 GiB

    const std::string& dir() const { return dir_; }
    uint64_t maxBytes() const { return maxBytes_; }

    // The stored states of `key`. False when there is no usable entry (*why says why when an
    // entry existed but was damaged, foreign or of another version; it has been removed).
    bool load(const TrajectoryKey& key, TrajectoryStates* out, std::string* why = nullptr) const;
    // Stores the states (atomically), unless the entry already holds at least as many; then keeps
    // the folder under maxBytes. False with a message when the folder cannot be written.
    bool store(const TrajectoryKey& key, const TrajectoryStates& states, std::string* error) const;
    // Entries' total size and count.
    uint64_t sizeBytes(int* entries = nullptr) const;
    // Removes every entry (and stray temporary files); false with a message on failure.
    bool clear(std::string* error) const;
    // Removes least recently used entries until the folder holds at most `bytes`.
    void trimTo(uint64_t bytes) const;

    // FNV-1a 64 of bytes, as hex (16 digits): cache keys and checksums.
    static uint64_t fnv1a(const void* data, size_t n, uint64_t seed = 1469598103934665603ull);
    static std::string hex(uint64_t v);

private:
    std::string dir_;
    uint64_t maxBytes_;
};

}  // namespace cxr::grounding
