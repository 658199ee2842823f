# SPDX-License-Identifier: GPL-2.0
# The protocol engine's sources, for protocol/Makefile and the module's
# Kbuild alike (e.g. ugdb-y += $(addprefix ../protocol/,$(RSP_SRCS:.c=.o))).
RSP_SRCS := rsp_hex.c rsp_reply.c rsp_frame.c rsp_parse.c rsp_serve.c \
	    rsp_serve_data.c rsp_query.c rsp_xfer.c rsp_stop.c rsp_signals.c \
	    rsp_amd64.c rsp_amd64_tdesc.c rsp_memscan.c rsp_vfile.c rsp_svr4.c rsp_run.c
RSP_SRCS += rsp_siginfo.c rsp_osdata.c rsp_tls.c rsp_tdb.c rsp_utf8.c
RSP_HDRS := rsp.h rsp_types.h rsp_int.h rsp_amd64.h rsp_utf8.h
