// Bad arguments throw node's TypeErrors.
try { new Promise(5); } catch (e) { console.log(e.message); }
try { new Promise(); } catch (e) { console.log(e.message); }
try { queueMicrotask("x"); } catch (e) { console.log(e.name, e.code, e.message); }
try { setImmediate(null); } catch (e) { console.log(e.name, e.message); }

// expect: Promise resolver 5 is not a function
// expect: Promise resolver undefined is not a function
// expect: TypeError ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received type string ('x')
// expect: TypeError The "callback" argument must be of type function. Received null
