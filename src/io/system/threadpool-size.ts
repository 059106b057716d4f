// libuv runs asynchronous unlink/lstat on a threadpool of 4 threads unless UV_THREADPOOL_SIZE is
// set before its first use; deleting millions of files waits on the filesystem, and 16 threads in
// flight measured about twice as fast as 4 (and well ahead of find -delete). Imported first by the
// CLI entry so no module can start the pool earlier; an operator's own setting is kept.
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = '16';

export {};
