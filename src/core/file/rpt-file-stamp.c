/* rpt-file-stamp.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Repartee-File"

#include "config.h"

#include <sys/stat.h>

#include "rpt-file-stamp.h"

void
rpt_file_stamp_read (const char   *path,
                     RptFileStamp *stamp)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  if (path == NULL || stat (path, &st) != 0)
    return;
  stamp->exists = TRUE;
  stamp->device = st.st_dev;
  stamp->inode = st.st_ino;
  stamp->size = st.st_size;
  stamp->mtime_sec = st.st_mtim.tv_sec;
  stamp->mtime_nsec = st.st_mtim.tv_nsec;
}

gboolean
rpt_file_stamp_matches (const RptFileStamp *stamp,
                        const char         *path)
{
  RptFileStamp now;

  rpt_file_stamp_read (path, &now);
  return now.exists == stamp->exists &&
         (!now.exists ||
          (now.device == stamp->device && now.inode == stamp->inode &&
           now.size == stamp->size && now.mtime_sec == stamp->mtime_sec &&
           now.mtime_nsec == stamp->mtime_nsec));
}
