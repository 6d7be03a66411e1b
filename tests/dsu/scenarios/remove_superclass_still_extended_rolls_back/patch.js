// Removes the base class but moves only one subclass off it. SmsNotifier still extends the
// removed class, so the update cannot be built and rolls back; nothing changes (not even
// EmailNotifier's superclass or its replaced method).
module.exports = function (dsu) {
  dsu.changeSuperclass("EmailNotifier", null);
  dsu.replaceMethod("EmailNotifier", "channel", function () {
    return "mail";
  });
  dsu.removeClass("Notifier");
};
