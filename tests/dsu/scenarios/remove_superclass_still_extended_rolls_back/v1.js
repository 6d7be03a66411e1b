// Notifications: a base class with two channels extending it.
class Notifier {
  constructor(target) {
    this.target = target;
    this.sent = 0;
  }

  send(msg) {
    this.sent++;
    return `${this.channel()} ${this.target}: ${msg}`;
  }
}

class EmailNotifier extends Notifier {
  channel() {
    return "email";
  }
}

class SmsNotifier extends Notifier {
  channel() {
    return "sms";
  }
}

const notifiers = [new EmailNotifier("ada@example.org"), new SmsNotifier("+15550101")];
console.log(notifiers.map((n) => n.send("hello")).join(" / "));
