class Wallet {
  #pin;
  constructor(pin) {
    this.#pin = pin;
  }
  unlock(pin) {
    return pin === this.#pin;
  }
}
