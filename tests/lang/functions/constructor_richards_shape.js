"use strict"; // Molt is strict everywhere; node scripts are sloppy unless told
// The shape of the Are-We-Fast-Yet Richards benchmark, written with constructor functions
// as older code is: a scheduler holding a linked list of task control blocks, packets
// moving between work and device tasks, state kept in fields the methods update.
var ID_WORK = 1, ID_DEVICE = 2;
var KIND_WORK = 1;

function Packet(link, id, kind) {
  this.link = link;
  this.id = id;
  this.kind = kind;
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

function TaskControlBlock(link, id, priority, queue, task) {
  this.link = link;
  this.id = id;
  this.priority = priority;
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

function WorkTask(scheduler) {
  this.scheduler = scheduler;
  this.count = 0;
}
WorkTask.prototype.run = function (packet) {
  this.count++;
  packet.a1 += this.count;
  packet.id = ID_DEVICE;
  return this.scheduler.queue(packet);
};

function DeviceTask(scheduler) {
  this.scheduler = scheduler;
  this.seen = 0;
}
DeviceTask.prototype.run = function (packet) {
  this.seen += packet.a1;
  packet.id = ID_WORK;
  return packet.a1 > 40 ? null : this.scheduler.queue(packet);
};

function Scheduler() {
  this.list = null;
  this.blocks = [];
  this.queueCount = 0;
  this.holdCount = 0;
}
Scheduler.prototype.addTask = function (id, priority, queue, task) {
  var tcb = new TaskControlBlock(this.list, id, priority, queue, task);
  this.list = tcb;
  this.blocks[id] = tcb;
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

var scheduler = new Scheduler();
var work = new WorkTask(scheduler), device = new DeviceTask(scheduler);
scheduler.addTask(ID_DEVICE, 2000, null, device);
scheduler.addTask(ID_WORK, 1000, new Packet(null, ID_WORK, KIND_WORK), work);
console.log(scheduler.schedule(), scheduler.queueCount, work.count, device.seen); // expect: 27 17 9 165
console.log(scheduler.blocks[ID_WORK] instanceof TaskControlBlock, scheduler.blocks.length); // expect: true 3
var packet = new Packet(null, ID_WORK, KIND_WORK);
console.log(packet, packet.addTo(null) === packet); // expect: Packet { link: null, id: 1, kind: 1, a1: 0 } true
console.log(Object.keys(scheduler)); // expect: [ 'list', 'blocks', 'queueCount', 'holdCount' ]
