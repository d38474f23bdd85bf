/* RTP payload types (RFC 3551 section 6, the static ones) as tshark names them: RTP's
 * rtp.p_type and SDP's sdp.media.format. */
#ifndef TW_RTP_PT_H
#define TW_RTP_PT_H
#include "../dissect.h"

static const struct tw_vs tw_rtp_pt_vals[] = {
    {0, "ITU-T G.711 PCMU"},
    {1, "USA Federal Standard FS-1016"},
    {2, "ITU-T G.721"},
    {3, "GSM 06.10"},
    {4, "ITU-T G.723"},
    {5, "DVI4 8000 samples/s"},
    {6, "DVI4 16000 samples/s"},
    {7, "Experimental linear predictive encoding from Xerox PARC"},
    {8, "ITU-T G.711 PCMA"},
    {9, "ITU-T G.722"},
    {10, "16-bit uncompressed audio, stereo"},
    {11, "16-bit uncompressed audio, monaural"},
    {12, "Qualcomm Code Excited Linear Predictive coding"},
    {13, "Comfort noise"},
    {14, "MPEG-I/II Audio"},
    {15, "ITU-T G.728"},
    {16, "DVI4 11025 samples/s"},
    {17, "DVI4 22050 samples/s"},
    {18, "ITU-T G.729"},
    {19, "Comfort noise (old)"},
    {25, "Sun CellB video encoding"},
    {26, "JPEG-compressed video"},
    {28, "'nv' program"},
    {31, "ITU-T H.261"},
    {32, "MPEG-I/II Video"},
    {33, "MPEG-II transport streams"},
    {34, "ITU-T H.263"},
    {0, NULL}};

#endif
