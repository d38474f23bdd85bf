#include "stats.h"
const struct tw_zstat_ops tw_zstat_io = {
    .name = "io,stat",
    .usage = "io,stat,INTERVAL[,FILTER|FUNC(FIELD)FILTER...]",
};
