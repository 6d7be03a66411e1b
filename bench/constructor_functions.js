// constructor_functions.js: programs written the pre-class way, as the Are-We-Fast-Yet
// ports to old JavaScript are. Molt reads `function P` + `P.prototype.m = function` as
// an implicit class (decision 0018), so field access and method calls should cost what
// they cost on a class; this benchmark is where a cliff there would show.
//   1. a Richards-like scheduler: task control blocks in a linked list, packets moved
//      between work and device tasks, many runs with seeded packet counts;
//   2. vector arithmetic through constructor-function values (allocation and calls).

function Rng(seed) {
  this.state = seed % 2147483647;
  if (this.state <= 0) this.state += 2147483646;
}
Rng.prototype.next = function () {
  this.state = (this.state * 48271) % 2147483647;
  return this.state;
};
Rng.prototype.int = function (n) {
  return this.next() % n;
};

var ID_WORK = 1, ID_DEVICE = 2;

function Packet(link, id) {
  this.link = link;
  this.id = id;
  this.a1 = 0;
}
Packet.prototype.addTo = function (queue) {
  this.link = null;
  if (queue === null) return this;
  var next = queue;
  while (next.link !== null) next = next.link;
  next.link = this;
  return queue;
};

function TaskControlBlock(link, id, queue, task) {
  this.link = link;
  this.id = id;
  this.queue = queue;
  this.task = task;
  this.held = false;
}
TaskControlBlock.prototype.isReady = function () {
  return !this.held && this.queue !== null;
};
TaskControlBlock.prototype.take = function () {
  var packet = this.queue;
  this.queue = packet.link;
  return packet;
};

function WorkTask(scheduler, limit) {
  this.scheduler = scheduler;
  this.count = 0;
  this.limit = limit;
}
WorkTask.prototype.run = function (packet) {
  this.count++;
  packet.a1 = (packet.a1 + this.count) % 1000;
  packet.id = ID_DEVICE;
  return this.scheduler.queue(packet);
};

function DeviceTask(scheduler) {
  this.scheduler = scheduler;
  this.seen = 0;
}
DeviceTask.prototype.run = function (packet) {
  this.seen = (this.seen + packet.a1) % 1000003;
  packet.id = ID_WORK;
  return this.scheduler.work.count > this.scheduler.work.limit ? null : this.scheduler.queue(packet);
};

function Scheduler(limit) {
  this.list = null;
  this.blocks = [];
  this.queueCount = 0;
  this.work = new WorkTask(this, limit);
  this.device = new DeviceTask(this);
}
Scheduler.prototype.addTask = function (id, queue, task) {
  this.list = new TaskControlBlock(this.list, id, queue, task);
  this.blocks[id] = this.list;
};
Scheduler.prototype.queue = function (packet) {
  var t = this.blocks[packet.id];
  this.queueCount++;
  t.queue = packet.addTo(t.queue);
  return t;
};
Scheduler.prototype.schedule = function () {
  var steps = 0;
  for (var tcb = this.list; tcb !== null; steps++) {
    if (tcb.isReady()) {
      var next = tcb.task.run(tcb.take());
      tcb = next === null ? null : this.list;
    } else {
      tcb = tcb.link;
    }
  }
  return steps;
};

function richards(rng, runs) {
  var sum = 0;
  for (var r = 0; r < runs; r++) {
    var s = new Scheduler(20 + rng.int(40));
    s.addTask(ID_DEVICE, null, s.device);
    var queue = null;
    var packets = 1 + rng.int(4);
    for (var i = 0; i < packets; i++) queue = new Packet(null, ID_WORK).addTo(queue);
    s.addTask(ID_WORK, queue, s.work);
    sum = (sum + s.schedule() * 7 + s.queueCount + s.device.seen) % 1000003;
  }
  return sum;
}

function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.plus = function (o) {
  return new Vec(this.x + o.x, this.y + o.y);
};
Vec.prototype.scale = function (k) {
  return new Vec(this.x * k, this.y * k);
};
Vec.prototype.dot = function (o) {
  return this.x * o.x + this.y * o.y;
};

function vectors(rng, n) {
  var acc = new Vec(0, 0);
  var total = 0;
  for (var i = 0; i < n; i++) {
    var v = new Vec(rng.int(100) - 50, rng.int(100) - 50);
    acc = acc.plus(v.scale(3)).scale(1);
    total = (total + acc.dot(v) % 9973 + 9973) % 1000003;
  }
  return total;
}

var rng = new Rng(42);
console.log(richards(rng, 12000), vectors(rng, 1000000));
