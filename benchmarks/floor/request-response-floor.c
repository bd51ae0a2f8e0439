/*
 * The machine's floor for a request-response server: what the kernel alone charges a server for
 * each request on loopback, when the server does no work at all.
 *
 * A C server with one epoll loop (edge-triggered, as Netty's) answers every request of a fixed size
 * with a response of a fixed size; client processes send a request, wait for the whole response,
 * then spin for a "think" time before the next one, as an SDK client spends CPU between calls. The
 * server's CPU per request (getrusage: user and kernel) is the cost of being woken, reading,
 * writing and waking the client, with nothing above it. Mailroom's server CPU per call, measured
 * in the same minutes, is this plus its own work (with several connections a busier server gathers more
 * requests per wake-up, so compare its requests per wake-up too).
 *
 *   request-response-floor CONNECTIONS THINK_US REQUEST_BYTES RESPONSE_BYTES SECONDS [WORK_KIB]
 *
 * With WORK_KIB the server also walks a fixed working set of that size per request, every cache line
 * once in a random order, each read depending on the one before: what a server's own code and data
 * cost it when they must be fetched again after every wake-up, against the same walk in a tight loop
 * (timed before the run), where they stay in the L1 and L2 caches.
 *
 * Prints one line: connections, think time, sizes, requests/s, requests per wake-up, the server's
 * user and kernel CPU per request, the working set and its walk's time in a tight loop (microseconds;
 * tab-separated, after a '#' header).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNECTIONS 64
#define BUFFER_BYTES (1 << 20)

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static unsigned *working_set;
static long working_lines;
static volatile unsigned walk_end;

static void walk(void) {
  unsigned line = 0;
  for (long i = 0; i < working_lines; i++) line = working_set[line * 16];
  walk_end = line;
}

/* Links the lines of the working set into one random cycle, so that no prefetcher can run ahead. */
static void make_working_set(long kib) {
  working_lines = kib * 1024 / 64;
  if (working_lines == 0) return;
  working_set = aligned_alloc(64, working_lines * 64);
  unsigned *order = malloc(working_lines * sizeof *order);
  if (working_set == NULL || order == NULL) {
    fprintf(stderr, "no memory for the working set\n");
    exit(2);
  }
  for (long i = 0; i < working_lines; i++) order[i] = (unsigned)i;
  srand(7);
  for (long i = working_lines - 1; i > 0; i--) {
    long j = rand() % (i + 1);
    unsigned t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (long i = 0; i < working_lines; i++) working_set[order[i] * 16] = order[(i + 1) % working_lines];
  free(order);
}

static double walk_us_in_a_loop(void) {
  if (working_lines == 0) return 0;
  for (int i = 0; i < 200; i++) walk();
  double start = now_ns();
  for (int i = 0; i < 2000; i++) walk();
  return (now_ns() - start) / 2000 / 1e3;
}

static double cpu_us(const struct timeval *t) { return t->tv_sec * 1e6 + t->tv_usec; }

static void die(const char *what) {
  perror(what);
  exit(2);
}

static void client(const struct sockaddr_in *server, double think_us, int request_bytes,
                   int response_bytes, double seconds) {
  int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  if (s < 0 || connect(s, (const struct sockaddr *)server, sizeof *server) < 0) die("connect");
  setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  char *buffer = calloc(1, BUFFER_BYTES);
  double end = now_ns() + seconds * 1e9;
  while (now_ns() < end) {
    double think_end = now_ns() + think_us * 1e3;
    while (now_ns() < think_end) {
    }
    if (send(s, buffer, request_bytes, 0) != request_bytes) die("client send");
    for (int received = 0; received < response_bytes;) {
      ssize_t r = recv(s, buffer, BUFFER_BYTES, 0);
      if (r <= 0) die("client recv");
      received += (int)r;
    }
  }
  close(s);
  _exit(0);
}

int main(int argc, char **argv) {
  if (argc != 6 && argc != 7) {
    fprintf(stderr, "usage: %s CONNECTIONS THINK_US REQUEST_BYTES RESPONSE_BYTES SECONDS [WORK_KIB]\n", argv[0]);
    return 2;
  }
  int connections = atoi(argv[1]), request_bytes = atoi(argv[3]), response_bytes = atoi(argv[4]);
  double think_us = atof(argv[2]), seconds = atof(argv[5]);
  long work_kib = argc == 7 ? atol(argv[6]) : 0;
  if (connections < 1 || connections > MAX_CONNECTIONS || request_bytes < 1 || response_bytes < 1 ||
      request_bytes > BUFFER_BYTES || response_bytes > BUFFER_BYTES || work_kib < 0 || work_kib > 65536) {
    fprintf(stderr, "connections 1-%d, sizes 1-%d bytes, working set 0-65536 KiB\n", MAX_CONNECTIONS, BUFFER_BYTES);
    return 2;
  }
  make_working_set(work_kib);
  double walk_warm_us = walk_us_in_a_loop();

  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t length = sizeof address;
  if (listener < 0 || bind(listener, (struct sockaddr *)&address, sizeof address) < 0 ||
      listen(listener, MAX_CONNECTIONS) < 0 || getsockname(listener, (struct sockaddr *)&address, &length) < 0)
    die("listen");
  // A client that fails leaves the server waiting: the watchdog ends a run that cannot finish.
  alarm((unsigned)seconds + 30);
  for (int c = 0; c < connections; c++)
    if (fork() == 0) client(&address, think_us, request_bytes, response_bytes, seconds);

  int loop = epoll_create1(0), sockets[MAX_CONNECTIONS], pending[MAX_CONNECTIONS] = {0}, one = 1;
  for (int c = 0; c < connections; c++) {
    if ((sockets[c] = accept(listener, NULL, NULL)) < 0) die("accept");
    setsockopt(sockets[c], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct epoll_event interest = {.events = EPOLLIN | EPOLLET, .data.u32 = (unsigned)c};
    if (epoll_ctl(loop, EPOLL_CTL_ADD, sockets[c], &interest) < 0) die("epoll_ctl");
  }

  char *buffer = calloc(1, BUFFER_BYTES);
  long served = 0, wake_ups = 0;
  int open = connections;
  struct rusage before, after;
  double start = now_ns();
  getrusage(RUSAGE_SELF, &before);
  while (open > 0) {
    struct epoll_event ready[MAX_CONNECTIONS];
    int n = epoll_wait(loop, ready, MAX_CONNECTIONS, -1);
    if (n < 0) continue;
    wake_ups++;
    for (int i = 0; i < n; i++) {
      int c = (int)ready[i].data.u32;
      for (;;) {  // edge-triggered: read until the socket is drained
        ssize_t r = recv(sockets[c], buffer, BUFFER_BYTES, MSG_DONTWAIT);
        if (r == 0) {
          open--;
          close(sockets[c]);
          break;
        }
        if (r < 0) {
          if (errno == EAGAIN || errno == EWOULDBLOCK) break;
          die("server recv");
        }
        for (pending[c] += (int)r; pending[c] >= request_bytes; pending[c] -= request_bytes, served++) {
          walk();
          if (send(sockets[c], buffer, response_bytes, MSG_NOSIGNAL) != response_bytes) die("server send");
        }
        if (r < BUFFER_BYTES) break;
      }
    }
  }
  getrusage(RUSAGE_SELF, &after);
  double elapsed_s = (now_ns() - start) / 1e9;
  for (int status; wait(&status) > 0;)
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "a client failed; no figures\n");
      return 1;
    }
  if (served == 0) {
    fprintf(stderr, "no requests served; no figures\n");
    return 1;
  }
  printf("#connections\tthink_us\trequest_bytes\tresponse_bytes\trequests_per_s\trequests_per_wake_up\t"
         "server_user_us_per_request\tserver_kernel_us_per_request\twork_kib\twalk_us_in_a_loop\n");
  printf("%d\t%.0f\t%d\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%ld\t%.2f\n", connections, think_us, request_bytes, response_bytes,
         served / elapsed_s, (double)served / wake_ups,
         (cpu_us(&after.ru_utime) - cpu_us(&before.ru_utime)) / served,
         (cpu_us(&after.ru_stime) - cpu_us(&before.ru_stime)) / served, work_kib, walk_warm_us);
  return 0;
}
