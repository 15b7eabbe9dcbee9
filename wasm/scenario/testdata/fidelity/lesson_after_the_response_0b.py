# From content/13-after-the-response.md#scenario-0 "Three sign-ups, email after or before the reply", version B ("inline").
import requests
from fastapi import FastAPI

app = FastAPI()
MAIL_DELAY = 2.0  # seconds the mail service takes to accept a message


def send_welcome(name):
    requests.get(f"http://upstream/delay/{MAIL_DELAY}")


@app.post("/signup")
def signup():
    send_welcome("ada")
    return {"created": True}
