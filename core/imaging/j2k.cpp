#include "j2k.h"

#include <QCoreApplication>

#include <openjpeg.h>

#include <algorithm>
#include <cstring>

namespace cxr {
namespace {

class J2kText {
    Q_DECLARE_TR_FUNCTIONS(J2kText)
};

struct MemStream {
    const uint8_t* data;
    size_t size;
    size_t pos;
};

OPJ_SIZE_T readFn(void* buffer, OPJ_SIZE_T n, void* user) {
    auto* s = static_cast<MemStream*>(user);
    if (s->pos >= s->size) return static_cast<OPJ_SIZE_T>(-1);
    const size_t k = std::min<size_t>(n, s->size - s->pos);
    std::memcpy(buffer, s->data + s->pos, k);
    s->pos += k;
    return k;
}

OPJ_OFF_T skipFn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<MemStream*>(user);
    if (n < 0) {
        const size_t back = std::min<size_t>(static_cast<size_t>(-n), s->pos);
        s->pos -= back;
        return -static_cast<OPJ_OFF_T>(back);
    }
    const size_t k = std::min<size_t>(static_cast<size_t>(n), s->size - s->pos);
    s->pos += k;
    return static_cast<OPJ_OFF_T>(k);
}

OPJ_BOOL seekFn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<MemStream*>(user);
    if (n < 0 || static_cast<size_t>(n) > s->size) return OPJ_FALSE;
    s->pos = static_cast<size_t>(n);
    return OPJ_TRUE;
}

struct Messages {
    std::string last;
};

void errorHandler(const char* msg, void* user) {
    auto* m = static_cast<Messages*>(user);
    m->last = msg ? msg : "";
    while (!m->last.empty() && (m->last.back() == '\n' || m->last.back() == '\r'))
        m->last.pop_back();
}
void quietHandler(const char*, void*) {}

}  // namespace

bool decodeJ2k(const uint8_t* data, size_t size, J2kImage* out, QString* error,
               int64_t maxPixels) {
    if (size < 12) {
        *error = J2kText::tr("the JPEG 2000 data is too short (%1 bytes)").arg(size);
        return false;
    }
    static const uint8_t jp2Sig[] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' '};
    const bool isJp2 = std::memcmp(data, jp2Sig, sizeof jp2Sig) == 0;
    opj_codec_t* codec = opj_create_decompress(isJp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
    Messages msgs;
    opj_set_error_handler(codec, errorHandler, &msgs);
    opj_set_warning_handler(codec, quietHandler, nullptr);
    opj_set_info_handler(codec, quietHandler, nullptr);
    opj_dparameters_t params;
    opj_set_default_decoder_parameters(&params);
    opj_image_t* img = nullptr;
    MemStream ms{data, size, 0};
    opj_stream_t* stream = opj_stream_create(1 << 16, OPJ_TRUE);
    opj_stream_set_user_data(stream, &ms, nullptr);
    opj_stream_set_user_data_length(stream, size);
    opj_stream_set_read_function(stream, readFn);
    opj_stream_set_skip_function(stream, skipFn);
    opj_stream_set_seek_function(stream, seekFn);

    bool ok = false;
    auto fail = [&](const QString& what) {
        *error = msgs.last.empty() ? what
                                   : J2kText::tr("%1 (OpenJPEG: %2)")
                                         .arg(what, QString::fromStdString(msgs.last));
    };
    do {
        if (!opj_setup_decoder(codec, &params)) {
            fail(J2kText::tr("the JPEG 2000 decoder could not be set up"));
            break;
        }
        if (!opj_read_header(stream, codec, &img) || !img) {
            fail(J2kText::tr("the JPEG 2000 header is invalid"));
            break;
        }
        const int64_t w = static_cast<int64_t>(img->x1) - img->x0;
        const int64_t h = static_cast<int64_t>(img->y1) - img->y0;
        if (w <= 0 || h <= 0 || img->numcomps == 0 || img->numcomps > 4 ||
            w * h > maxPixels) {
            fail(J2kText::tr("the JPEG 2000 header declares an implausible image (%1 x %2, %3 "
                             "components)")
                     .arg(w)
                     .arg(h)
                     .arg(img->numcomps));
            break;
        }
        if (!opj_decode(codec, stream, img) || !opj_end_decompress(codec, stream)) {
            fail(J2kText::tr("the JPEG 2000 data could not be decoded"));
            break;
        }
        const int comps = static_cast<int>(std::min<OPJ_UINT32>(img->numcomps, 3));
        bool planesOk = true;
        for (int c = 0; c < comps; ++c) {
            const opj_image_comp_t& cp = img->comps[c];
            planesOk = planesOk && cp.data && cp.w == static_cast<OPJ_UINT32>(w) &&
                       cp.h == static_cast<OPJ_UINT32>(h);
        }
        if (!planesOk) {
            fail(J2kText::tr("JPEG 2000 components with subsampling are not supported"));
            break;
        }
        out->width = static_cast<int>(w);
        out->height = static_cast<int>(h);
        out->components = comps == 2 ? 1 : comps;
        out->precision = static_cast<int>(img->comps[0].prec);
        out->isSigned = img->comps[0].sgnd != 0;
        out->samples.resize(static_cast<size_t>(w * h * out->components));
        for (int c = 0; c < out->components; ++c) {
            const OPJ_INT32* src = img->comps[c].data;
            for (int64_t i = 0; i < w * h; ++i)
                out->samples[static_cast<size_t>(i * out->components + c)] = src[i];
        }
        ok = true;
    } while (false);
    if (img) opj_image_destroy(img);
    opj_stream_destroy(stream);
    opj_destroy_codec(codec);
    return ok;
}

}  // namespace cxr
