#!/usr/bin/env python3
"""Makes the reference files in tests/data/weights/ (run once with Debian python3-torch 1.13.1;
never needed at build or test time):
  model-small-digests.json  per-tensor digests of tests/data/model-small's three checkpoints, as
                            torch / safetensors read them: dtype, shape, crc32 of the contiguous
                            little-endian bytes, float64 sum, first and last element
  views.pth                 torch.save of an OrderedDict with non-contiguous / offset / shared-storage
                            views, a Parameter and every storage dtype the reader allows
  views-digests.json        the same digests for views.pth
  views_bigendian.pth       views.pth rewritten with <prefix>/byteorder = "big" and byte-swapped storages
  compressed.pth            views.pth re-zipped with deflate (must be rejected)
  legacy.pth                torch.save(..., _use_new_zipfile_serialization=False) (must be rejected)
  tiny.safetensors          a hand-written safetensors file (every dtype, scalar, empty, __metadata__):
                            fuzzing seed
Usage: /usr/bin/python3 tests/data/weights/make_reference.py   (from the repository root)
"""
import collections, json, os, struct, sys, zipfile, zlib
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
NAMES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
         torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
         torch.uint8: "U8", torch.bool: "BOOL"}

def digest(t):
    t = t.detach().contiguous()
    if t.dtype == torch.bfloat16:
        raw = t.view(torch.int16).numpy().tobytes()
    else:
        raw = t.numpy().tobytes()
    flat = t.reshape(-1)
    d = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "crc32": zlib.crc32(raw) & 0xffffffff,
         "sum": float(flat.double().sum()) if flat.numel() else 0.0}
    if flat.numel():
        d["first"] = float(flat[0].double())
        d["last"] = float(flat[-1].double())
    return d

def load_safetensors(path):
    # Independent of the C++ reader: parse the header with json and build tensors with torch.
    with open(path, "rb") as f:
        b = f.read()
    n = struct.unpack("<Q", b[:8])[0]
    h = json.loads(b[8:8 + n])
    dt = {"F32": torch.float32, "I64": torch.int64, "F16": torch.float16}
    out = collections.OrderedDict()
    for k, v in h.items():
        if k == "__metadata__":
            continue
        s, e = v["data_offsets"]
        t = torch.frombuffer(bytearray(b[8 + n + s:8 + n + e]), dtype=dt[v["dtype"]]).reshape(v["shape"])
        out[k] = t
    return out

def main():
    ms = os.path.join(DATA, "model-small")
    ref = {}
    for rel in ["models/autoencoder.pth", "models/diffusion_model.pth"]:
        sd = torch.load(os.path.join(ms, rel), map_location="cpu")
        ref[rel] = collections.OrderedDict((k, digest(v)) for k, v in sd.items())
    sd = load_safetensors(os.path.join(ms, "text_encoder/model.safetensors"))
    ref["text_encoder/model.safetensors"] = collections.OrderedDict((k, digest(v)) for k, v in sd.items())
    with open(os.path.join(HERE, "model-small-digests.json"), "w") as f:
        json.dump(ref, f, indent=0)

    g = torch.Generator().manual_seed(1234)
    base = torch.randn(6, 5, generator=g)
    shared = torch.arange(40, dtype=torch.float32)
    sd = collections.OrderedDict()
    sd["transposed"] = base.t()                       # strides (1, 5)
    sd["row_view"] = shared[7:19].view(3, 4)          # storage offset 7, shares storage with below
    sd["strided_view"] = shared[::3]                  # stride (3,)
    sd["narrow_cols"] = base[:, 1:4]                  # offset 1, strides (5, 1)
    sd["expanded"] = torch.randn(3, 1, generator=g).expand(3, 4)  # stride 0
    sd["scalar"] = torch.tensor(3.25)
    sd["empty"] = torch.zeros(0, 4)
    sd["f64"] = torch.randn(4, 3, generator=g, dtype=torch.float64)
    sd["f16"] = torch.randn(7, generator=g).half()
    sd["bf16"] = torch.randn(2, 5, generator=g).bfloat16()
    sd["i64"] = torch.arange(-5, 5, dtype=torch.int64).view(2, 5)
    sd["i32"] = torch.tensor([[1, -2, 3], [2**31 - 1, -2**31, 0]], dtype=torch.int32)
    sd["i16"] = torch.tensor([-300, 7, 32767], dtype=torch.int16)
    sd["i8"] = torch.tensor([-128, 5, 127], dtype=torch.int8)
    sd["u8"] = torch.arange(250, 256, dtype=torch.uint8)
    sd["bool"] = torch.tensor([True, False, True, True])
    sd["param"] = torch.nn.Parameter(torch.randn(2, 3, generator=g))
    path = os.path.join(HERE, "views.pth")
    torch.save(sd, path)
    with open(os.path.join(HERE, "views-digests.json"), "w") as f:
        json.dump(collections.OrderedDict((k, digest(v)) for k, v in torch.load(path).items()), f, indent=0)

    # Big-endian variant: same records, storages byte-swapped, byteorder "big". The element size of
    # each storage comes from the pickle's persistent ids (read with a pickle.Unpickler that builds
    # nothing).
    import io, pickle
    zin = zipfile.ZipFile(path)
    pkl = [n for n in zin.namelist() if n.endswith("/data.pkl")][0]
    prefix = pkl[:-len("data.pkl")]
    sizes = {}

    class Peek(pickle.Unpickler):
        def find_class(self, mod, name):
            if mod == "torch" and name.endswith("Storage"):
                return getattr(torch, name)
            if mod == "collections" and name == "OrderedDict":
                return collections.OrderedDict
            return lambda *a: None

        def persistent_load(self, pid):
            sizes[pid[2]] = pid[1]().element_size()
            return None

    Peek(io.BytesIO(zin.read(pkl))).load()
    with zipfile.ZipFile(os.path.join(HERE, "views_bigendian.pth"), "w", zipfile.ZIP_STORED) as zout:
        for n in zin.namelist():
            data = zin.read(n)
            if n.startswith(prefix + "data/"):
                es = sizes[n[len(prefix + "data/"):]]
                data = b"".join(data[i:i + es][::-1] for i in range(0, len(data), es))
            if n == prefix + "byteorder":
                continue
            zout.writestr(n, data)
        zout.writestr(prefix + "byteorder", b"big")
    with zipfile.ZipFile(os.path.join(HERE, "compressed.pth"), "w", zipfile.ZIP_DEFLATED) as zout:
        for n in zin.namelist():
            zout.writestr(n, zin.read(n))
    torch.save(collections.OrderedDict(w=torch.ones(2)), os.path.join(HERE, "legacy.pth"),
               _use_new_zipfile_serialization=False)

def tiny_safetensors():
    tensors = [("a.f32", "F32", [2, 3], struct.pack("<6f", *range(6))),
               ("b.i64", "I64", [1, 4], struct.pack("<4q", 0, 1, 2, -3)),
               ("c.f16", "F16", [3], struct.pack("<3e", 0.5, -2.0, 65504.0)),
               ("d.bf16", "BF16", [2], b"\x80\x3f\x00\xc0"),
               ("e.bool", "BOOL", [2, 2], b"\x01\x00\x01\x01"),
               ("f.u8", "U8", [], b"\x07"),
               ("g.empty", "F32", [0, 5], b""),
               ("h.f64", "F64", [1], struct.pack("<d", 3.25))]
    header, data = {"__metadata__": {"format": "pt"}}, b""
    for name, dt, shape, raw in tensors:
        header[name] = {"dtype": dt, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(os.path.join(HERE, "tiny.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + data)

if __name__ == "__main__":
    tiny_safetensors()
    main()
