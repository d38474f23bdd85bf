/* What the FTP dissector knows about an FTP data connection, for consumers such as an exporter
 * of transferred files (tshark's --export-objects ftp-data). */
#ifndef TW_FTP_H
#define TW_FTP_H

#include <stdint.h>

#define FTP_STR_MAX 512 /* bytes kept of a request line or a directory */

struct tw_pkt;
struct tw_ftp_data {
    const char *setup_method; /* "PORT", "PASV", "EPRT", "EPASV" */
    uint32_t setup_frame;     /* the frame that announced the connection */
    uint32_t command_frame;   /* the frame of the command it answers, 0 before any */
    const char *command;      /* that command's line, e.g. "RETR notes.txt" (command_len bytes,
                               * not NUL-terminated), NULL before any */
    uint32_t command_len;
};

/* The current packet's FTP data connection, when FTP announced the TCP connection it travels
 * on (NULL otherwise, e.g. plain port-20 traffic nobody announced). Valid until the next
 * packet. */
const struct tw_ftp_data *tw_ftp_data_info(const struct tw_pkt *p);

#endif
