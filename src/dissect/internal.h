/* Internal to src/dissect/: what the registry and the dissection core share. */
#ifndef TW_DISSECT_INTERNAL_H
#define TW_DISSECT_INTERNAL_H

#include "dissect.h"

/* Protocols with a heuristic for table t, in registration order. */
const uint16_t *tw_heur_list(enum tw_table t, uint32_t *n);

/* Ids of the core's own protocols (_ws.expert, _ws.malformed, _ws.short, frame, data). */
extern struct tw_proto_ids tw_ids_ws_unreassembled;
extern struct tw_proto_ids tw_ids_ws_expert, tw_ids_ws_malformed, tw_ids_ws_short, tw_ids_frame,
    tw_ids_data;
/* Field offsets inside _ws.expert's fields[] */
enum { TW_WS_EXPERT_MESSAGE, TW_WS_EXPERT_SEVERITY, TW_WS_EXPERT_GROUP };
/* Field offsets inside frame's fields[] the core fills in after dissection */
extern const uint16_t tw_frame_field_protocols;

#endif
